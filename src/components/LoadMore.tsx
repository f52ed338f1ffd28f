import { Button } from '@nutui/nutui-react-taro';

/** What a paged list (usePagedList) exposes to its "more" button. */
interface MoreSource {
  hasMore: boolean;
  loading: boolean;
  loadMore: () => void;
}

/** The next page of a list, shown only while there is one; busy while it loads. */
export function LoadMore({ list, className = 'btn-load-more', label = '加载更多' }: { list: MoreSource; className?: string; label?: string }) {
  if (!list.hasMore) return null;
  return (
    <Button className={className} type='default' size='large' block loading={list.loading} disabled={list.loading} onClick={list.loadMore}>
      {label}
    </Button>
  );
}
