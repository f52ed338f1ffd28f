import { render, screen } from '@testing-library/react';
import { ApplicationRow } from '@/features/members/components/ApplicationRow';
import type { ApplicationView } from '@shared/domain/member';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const item: ApplicationView = {
  memberId: 'mem-1',
  name: '陈阿姨',
  building: '7号楼',
  room: '603',
  phone: '13900001234',
  skills: ['书法', '摄影'],
  application: { status: 'pending', motivation: '退休了，想帮帮邻居', submittedAt: '2026-11-20T02:00:00.000Z' },
};

describe('ApplicationRow', () => {
  it('shows who applied, with the phone as the server sent it (in full, for the committee)', () => {
    render(<ApplicationRow item={item} busy={false} onApprove={jest.fn()} onReject={jest.fn()} />);
    expect(screen.getByText('陈阿姨')).toBeTruthy();
    expect(screen.getByText('7号楼 603')).toBeTruthy();
    expect(screen.getByText('手机：13900001234')).toBeTruthy();
    expect(screen.getByText('技能：书法、摄影')).toBeTruthy();
    expect(screen.getByText('想说的话：退休了，想帮帮邻居')).toBeTruthy();
    expect(screen.getByText('申请于 2026-11-20 10:00')).toBeTruthy();
  });

  it('approves with one tap', () => {
    const onApprove = jest.fn();
    render(<ApplicationRow item={item} busy={false} onApprove={onApprove} onReject={jest.fn()} />);
    clickByClass('btn-approve');
    expect(onApprove).toHaveBeenCalledWith(item);
  });

  it('asks for a reason before refusing, and will not refuse without one', () => {
    const onReject = jest.fn();
    render(<ApplicationRow item={item} busy={false} onApprove={jest.fn()} onReject={onReject} />);
    clickByClass('btn-reject');
    expect(document.getElementById('reject-reason-mem-1')).toBeTruthy();
    clickByClass('btn-confirm-reject');
    expect(onReject).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('请写下未通过的原因，方便居民了解');

    typeInto('reject-reason-mem-1', '  请先补充门牌  ');
    expect(screen.queryByRole('alert')).toBeNull();
    clickByClass('btn-confirm-reject');
    expect(onReject).toHaveBeenCalledWith(item, '请先补充门牌');
  });

  it('can cancel a refusal', () => {
    render(<ApplicationRow item={item} busy={false} onApprove={jest.fn()} onReject={jest.fn()} />);
    clickByClass('btn-reject');
    clickByClass('btn-cancel-reject');
    expect(byClass('btn-approve')).toHaveLength(1);
    expect(document.getElementById('reject-reason-mem-1')).toBeNull();
  });

  it('has no buttons once decided, and shows a refusal reason', () => {
    render(
      <ApplicationRow
        item={{ ...item, application: { status: 'rejected', reason: '请先补充门牌' } }}
        busy={false}
        onApprove={jest.fn()}
        onReject={jest.fn()}
      />,
    );
    expect(byClass('btn-approve')).toHaveLength(0);
    expect(screen.getByText('未通过原因：请先补充门牌')).toBeTruthy();
  });
});
