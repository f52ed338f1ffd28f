import { render, screen } from '@testing-library/react';
import { StatusTag } from '@/components/StatusTag';

describe('StatusTag', () => {
  it('shows its label with a tone class', () => {
    render(<StatusTag label='审核中' tone='pending' className='home-status' />);
    const tag = screen.getByText('审核中');
    expect(tag.className).toContain('status-tag--pending');
    expect(tag.className).toContain('home-status');
  });

  it('is neutral unless told otherwise', () => {
    render(<StatusTag label='未申请' />);
    expect(screen.getByText('未申请').className).toContain('status-tag--neutral');
  });
});
