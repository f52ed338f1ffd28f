import { render, screen } from '@testing-library/react';
import { PageShell } from '@/components/PageShell';
import { clickByClass } from '../support/taro-events';

describe('PageShell', () => {
  it('shows its title and children', () => {
    render(
      <PageShell title='我的资料'>
        <span>内容</span>
      </PageShell>,
    );
    expect(screen.getByText('我的资料')).toBeTruthy();
    expect(screen.getByText('内容')).toBeTruthy();
  });

  it('shows a loading line instead of the children', () => {
    render(
      <PageShell loading>
        <span>内容</span>
      </PageShell>,
    );
    expect(screen.getByRole('status').textContent).toContain('正在加载');
    expect(screen.queryByText('内容')).toBeNull();
  });

  it('shows an error with a retry button that calls back', () => {
    const retry = jest.fn();
    render(
      <PageShell error='网络不太稳定，请稍后再试' onRetry={retry}>
        <span>内容</span>
      </PageShell>,
    );
    expect(screen.getByText('网络不太稳定，请稍后再试')).toBeTruthy();
    expect(screen.queryByText('内容')).toBeNull();
    clickByClass('btn-retry');
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
