import { render, screen } from '@testing-library/react';
import { Input } from '@tarojs/components';
import { FieldError } from '@/components/FieldError';
import { FormField } from '@/components/FormField';
import { byClass } from '../support/taro-events';

describe('FieldError', () => {
  it('renders nothing without a message', () => {
    const { container } = render(<FieldError message={null} field='name' />);
    expect(container.textContent).toBe('');
  });

  it('shows the message as an alert named after its field', () => {
    render(<FieldError message='请填写姓名' field='name' />);
    const line = screen.getByRole('alert');
    expect(line.textContent).toBe('请填写姓名');
    expect(line.className).toContain('field-error--name');
  });
});

describe('FormField', () => {
  it('labels the field, marks it optional and shows the hint', () => {
    render(
      <FormField label='手机号' name='phone' optional hint='只给居委会看'>
        <Input id='profile-phone' />
      </FormField>,
    );
    expect(screen.getByText('手机号')).toBeTruthy();
    expect(screen.getByText('（选填）')).toBeTruthy();
    expect(screen.getByText('只给居委会看')).toBeTruthy();
    expect(document.getElementById('profile-phone')).toBeTruthy();
    expect(byClass('form-field--invalid')).toHaveLength(0);
  });

  it('shows its error under the field and marks the field invalid', () => {
    render(
      <FormField label='姓名' name='name' error='请填写姓名'>
        <Input id='profile-name' />
      </FormField>,
    );
    expect(screen.getByRole('alert').textContent).toBe('请填写姓名');
    expect(byClass('form-field--name')[0]?.className).toContain('form-field--invalid');
  });
});
