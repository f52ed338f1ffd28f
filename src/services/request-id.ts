/** A fresh request id for one form submission (matches requestIdSchema in @shared/schemas). */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
