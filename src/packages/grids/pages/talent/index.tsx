import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { TagPicker } from '@/components/TagPicker';
import { TalentResult } from '@/features/talent/components/TalentResult';
import { useTalentOptions, useTalentSearch } from '@/features/talent/useTalentSearch';
import { AVAILABILITY_OPTIONS, SUGGESTED_SKILLS } from '@shared/domain/member';
import { LoadMore } from '@/components/LoadMore';

const ANY = '';

/** 资源库: the committee, grid leaders and council chairs find members by what they can do and when. */
export default function TalentPage() {
  const options = useTalentOptions();
  const results = useTalentSearch();
  const [skills, setSkills] = useState<string[]>([]);
  const [interests, setInterests] = useState<string[]>([]);
  const [availability, setAvailability] = useState<string[]>([]);
  const [building, setBuilding] = useState(ANY);
  const [councilId, setCouncilId] = useState(ANY);
  const data = options.data;
  const councilName = (id: string) => data?.councils.find((c) => c.id === id)?.name;

  const submit = () => {
    void results.search({
      skills,
      interests,
      availability: availability as (typeof AVAILABILITY_OPTIONS)[number][],
      building,
      councilId,
    });
  };

  return (
    <PageShell
      className={`page-talent${results.loading || options.loading ? ' is-busy' : ''}`}
      title='资源库'
      loading={options.loading && !data}
      error={data ? null : options.error}
      onRetry={options.reload}
    >
      {data ? (
        <>
          <Text className='card__hint'>
            只显示成员愿意公开给{data.viewer === 'committee' ? '居委' : '微格长和会长'}的信息。
          </Text>
          <View className='card talent-form'>
            <FormField label='会什么' name='skills' optional>
              <TagPicker id='talent-skills' options={SUGGESTED_SKILLS} value={skills} onChange={setSkills} maxTags={10} />
            </FormField>
            <FormField label='兴趣' name='interests' optional>
              <TagPicker id='talent-interests' value={interests} onChange={setInterests} maxTags={10} placeholder='例如：合唱、下棋' />
            </FormField>
            <FormField label='什么时候有空' name='availability' optional>
              <ChoiceChips id='talent-availability' options={AVAILABILITY_OPTIONS} value={availability} onChange={setAvailability} />
            </FormField>
            {data.buildings.length ? (
              <FormField label='楼栋' name='building' optional>
                <ChoiceChips
                  id='talent-building'
                  single
                  options={[{ value: ANY, label: '不限' }, ...data.buildings.map((b) => ({ value: b, label: b }))]}
                  value={[building]}
                  onChange={(next) => setBuilding(next[0] ?? ANY)}
                />
              </FormField>
            ) : null}
            <FormField label='分会' name='council' optional>
              <ChoiceChips
                id='talent-council'
                single
                options={[{ value: ANY, label: '不限' }, ...data.councils.map((c) => ({ value: c.id, label: c.name }))]}
                value={[councilId]}
                onChange={(next) => setCouncilId(next[0] ?? ANY)}
              />
            </FormField>
            <Button className='btn-talent-search' type='primary' size='large' block loading={results.loading} disabled={results.loading} onClick={submit}>
              查找
            </Button>
          </View>
          {results.error ? (
            <View className='inline-error talent-error' role='alert'>
              {results.error}
            </View>
          ) : null}
          {results.searched && !results.loading && !results.error && results.items.length === 0 ? (
            <View className='list-footer list-empty'>
              <Text>没有找到合适的成员，换个条件试试</Text>
            </View>
          ) : null}
          {results.items.map((card) => (
            <TalentResult key={card.memberId} card={card} councilName={councilName} />
          ))}
          <LoadMore list={results} />
        </>
      ) : null}
    </PageShell>
  );
}
