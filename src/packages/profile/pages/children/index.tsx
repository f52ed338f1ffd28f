import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { membersApi, needsConsent, type ChildDraft } from '@/features/members/api';
import { ChildForm } from '@/features/members/components/ChildForm';
import { ChildRow } from '@/features/members/components/ChildRow';
import { ConsentPrompt } from '@/features/members/components/ConsentPrompt';
import { useChildren } from '@/features/members/useChildren';
import { useFormErrors } from '@/hooks/useFormErrors';
import { errorText } from '@/services/cloud';
import { membersActions } from '@shared/actions/members';
import { schemaIssues } from '@shared/field-issues';
import type { ChildView } from '@shared/domain/member';
import { inShanghai } from '@shared/time';

/** The form's fields in page order. */
const FORM_FIELDS = ['name', 'birthYear', 'guardianConsent'];

/** 小小梯队: a guardian registers their children (with consent) and can remove them at any time. */
export default function ChildrenPage() {
  const children = useChildren();
  const [saving, setSaving] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS });
  const [askConsent, setAskConsent] = useState(false);
  // Remounts the form empty after a child is added.
  const [formKey, setFormKey] = useState(0);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const add = async (draft: ChildDraft) => {
    form.reset();
    const issues = schemaIssues(membersActions.addChild.input, draft);
    if (issues) return form.showIssues(issues);
    setSaving(true);
    try {
      await membersApi.addChild(draft);
      void Taro.showToast({ title: '已登记', icon: 'success', duration: 1500 });
      setFormKey((k) => k + 1);
      await children.reload();
    } catch (err) {
      setAskConsent(needsConsent(err));
      // The consent card says it instead.
      if (!needsConsent(err)) form.fail(err);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (child: ChildView) => {
    setRemovingId(child.id);
    setRemoveError(null);
    try {
      await membersApi.removeChild(child.id);
      void Taro.showToast({ title: '已移除', icon: 'success', duration: 1500 });
    } catch (err) {
      setRemoveError(errorText(err));
    } finally {
      setRemovingId(null);
      await children.reload();
    }
  };

  return (
    <PageShell
      className={`page-children${saving || removingId || children.loading ? ' is-busy' : ''}`}
      title='小小梯队'
      loading={children.loading && children.items.length === 0 && !children.error}
      error={children.items.length ? null : children.error}
      onRetry={children.reload}
    >
      <Text className='card__hint'>小小梯队是孩子们的志愿队，在家长陪同下参加居民区的活动。只有你自己能看到你登记的孩子。</Text>
      <View className='card children-list'>
        <View className='card__title'>
          <Text>我登记的孩子</Text>
        </View>
        {removeError ? (
          <View className='inline-error remove-error' role='alert'>
            {removeError}
          </View>
        ) : null}
        {children.items.length === 0 ? <Text className='card__hint children-empty'>还没有登记孩子</Text> : null}
        {children.items.map((child) => (
          <ChildRow key={child.id} child={child} removing={removingId === child.id} onRemove={(c) => void remove(c)} />
        ))}
      </View>
      <View className='card'>
        <View className='card__title'>
          <Text>登记一个孩子</Text>
        </View>
        {askConsent ? <ConsentPrompt message='登记孩子之前，请先阅读并同意隐私说明。' /> : null}
        <ChildForm
          key={formKey}
          thisYear={inShanghai(Date.now()).year()}
          saving={saving}
          errors={form.errors}
          formError={form.formError}
          onSubmit={(draft) => void add(draft)}
        />
      </View>
    </PageShell>
  );
}
