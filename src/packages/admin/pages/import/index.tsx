import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { pickTextFile } from '@/services/upload';
import { ImportResultCard } from '@/features/roster/components/ImportResultCard';
import { RosterFormatHelp } from '@/features/roster/components/RosterFormatHelp';
import { RosterReportCard } from '@/features/roster/components/RosterReportCard';
import { useRosterImport } from '@/features/roster/useRosterImport';
import '@/features/roster/roster.scss';

/** The committee imports an existing roster: paste or choose a CSV, check it, then import. */
export default function ImportPage() {
  const roster = useRosterImport();
  const { report, busy } = roster;
  const choose = async () => {
    const file = await pickTextFile(['csv', 'txt']);
    if (file) roster.setCsv(file.text, file.name);
  };

  return (
    <PageShell className={`page-admin-import${busy ? ' is-busy' : ''}`} title='导入名册'>
      <RosterFormatHelp />
      <FormField label='名册内容' name='csv' hint='粘贴名册，或选择一个CSV文件' error={roster.error}>
        <Textarea
          id='roster-csv'
          className='text-area roster-input'
          value={roster.fileName ? '' : roster.csv}
          maxlength={-1}
          disabled={Boolean(roster.fileName)}
          placeholder={roster.fileName ? '' : '姓名,楼栋,门牌,手机,技能,梯队'}
          onInput={(e) => roster.setCsv(e.detail.value)}
        />
      </FormField>
      {roster.fileName ? (
        <Text className='roster-file-name'>
          已选择文件：{roster.fileName}（{roster.csv.length} 个字符）
        </Text>
      ) : null}
      {roster.fileName ? (
        <View className='link-btn btn-clear-file' role='button' onClick={() => roster.setCsv('')}>
          <Text>不用这个文件，改为粘贴</Text>
        </View>
      ) : null}
      <View className='actions'>
        <Button className='btn-pick-file' type='default' size='large' block disabled={Boolean(busy)} onClick={() => void choose()}>
          选择CSV文件
        </Button>
        <Button
          className='btn-preview'
          type='primary'
          fill='outline'
          size='large'
          block
          loading={busy === 'preview'}
          disabled={Boolean(busy) || !roster.csv.trim()}
          onClick={() => void roster.check()}
        >
          检查名册
        </Button>
      </View>
      {report ? <RosterReportCard report={report} /> : null}
      {report && report.toCreate > 0 ? (
        <View className='actions'>
          {report.bad === 0 ? (
            <Button className='btn-commit' type='primary' size='large' block loading={busy === 'commit'} disabled={Boolean(busy)} onClick={() => void roster.importRows(false)}>
              导入 {report.toCreate} 人
            </Button>
          ) : (
            <Button className='btn-commit-good' type='primary' size='large' block loading={busy === 'commit'} disabled={Boolean(busy)} onClick={() => void roster.importRows(true)}>
              只导入正确的行（{report.toCreate} 人）
            </Button>
          )}
        </View>
      ) : null}
      {report && report.toCreate === 0 && report.bad === 0 ? (
        <Text className='roster-nothing-new'>名册里的人都已在册，不需要再导入。</Text>
      ) : null}
      {roster.result ? <ImportResultCard result={roster.result} /> : null}
    </PageShell>
  );
}
