import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { TagPicker } from '@/components/TagPicker';
import { byClass, typeInto } from '../support/taro-events';

function Harnessed({ initial = [], maxTags }: { initial?: string[]; maxTags?: number }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <>
      <TagPicker id='skills' options={['医生', '书法']} value={value} onChange={setValue} maxTags={maxTags} />
      <output data-testid='value'>{value.join(',')}</output>
    </>
  );
}

const value = () => screen.getByTestId('value').textContent;
const chip = (tag: string) => byClass('tag-chip').find((el) => el.getAttribute('data-tag') === tag)!;

describe('TagPicker', () => {
  it('toggles suggested chips on and off', () => {
    render(<Harnessed />);
    fireEvent.click(chip('书法'));
    expect(value()).toBe('书法');
    expect(chip('书法').className).toContain('tag-chip--on');
    fireEvent.click(chip('书法'));
    expect(value()).toBe('');
  });

  it('adds a free tag, trimmed, once, and shows it as a chip', () => {
    render(<Harnessed />);
    typeInto('skills-add-input', '  太极拳 ');
    fireEvent.click(document.getElementById('skills-add')!);
    expect(value()).toBe('太极拳');
    expect(chip('太极拳').className).toContain('tag-chip--on');
    typeInto('skills-add-input', '太极拳');
    fireEvent.click(document.getElementById('skills-add')!);
    expect(value()).toBe('太极拳');
  });

  it('keeps the tags a resident already had, even when not suggested', () => {
    render(<Harnessed initial={['修自行车']} />);
    expect(chip('修自行车').className).toContain('tag-chip--on');
  });

  it('refuses a tag longer than 12 characters and more than the maximum', () => {
    render(<Harnessed maxTags={1} />);
    typeInto('skills-add-input', '一二三四五六七八九十一二三');
    fireEvent.click(document.getElementById('skills-add')!);
    expect(value()).toBe('');
    expect(screen.getByText('每个最多12个字')).toBeTruthy();
    fireEvent.click(chip('医生'));
    fireEvent.click(chip('书法'));
    expect(value()).toBe('医生');
    expect(screen.getByText('最多选1个')).toBeTruthy();
  });
});
