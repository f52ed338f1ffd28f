import { PageShell } from '@/components/PageShell';

// Placeholder while the page is being built in this issue; replaced before the issue is resolved.
export default function Page() {
  return <PageShell title='建设中' error='这个页面正在建设中' />;
}
