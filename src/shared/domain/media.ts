/**
 * Images others will see pass WeChat's image check first (mediaCheckAsync, answered later by a message push). A
 * document keeps its approved images in its own field (notice `images`, event `cover`, cabin `photo`) and those still
 * being checked in `pendingImages`; a refused one is taken out and counted in `refusedImages` for its owner.
 */
export interface ImageReview {
  /** Images still being checked: shown to the owner (and staff who manage it) as 审核中, to nobody else. */
  pendingImages: string[];
  /** Images the check refused since the owner last saved: they were removed. */
  refusedImages: number;
}

export const NO_IMAGE_REVIEW: ImageReview = { pendingImages: [], refusedImages: 0 };

/** The label on an image still being checked. */
export const IMAGE_PENDING_LABEL = '审核中';

/** The owner's note about refused images, '' when there are none. */
export function refusedImagesNote(count: number): string {
  return count > 0 ? `有 ${count} 张图片未通过审核，已移除` : '';
}
