import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PROMOTABLE_ROLES, STAFF_ROLE_LABELS, type PromotableRole, type StaffRole } from '@shared/domain/member';
import './members.scss';

export interface RolePanelProps {
  roles: StaffRole[];
  /** The role being changed right now, if any. */
  busyRole: PromotableRole | null;
  error: string | null;
  onChange: (role: PromotableRole, granted: boolean, reason: string) => void;
}

/** The committee promotes a member to 楼组长 / 第一梯队 or ends it; the reason goes into their history. */
export function RolePanel({ roles, busyRole, error, onChange }: RolePanelProps) {
  const [reason, setReason] = useState('');
  return (
    <View className='card role-panel'>
      <View className='card__title'>
        <Text>任命与卸任</Text>
      </View>
      <FormField label='说明' name='reason' optional error={error} hint='会记在这位成员的经历里，例如：5号楼楼组长'>
        <Input id='role-reason' className='text-input' value={reason} maxlength={100} placeholder='为什么任命或卸任' onInput={(e) => setReason(e.detail.value)} />
      </FormField>
      {PROMOTABLE_ROLES.map((role) => {
        const holds = roles.includes(role);
        const label = STAFF_ROLE_LABELS[role];
        return (
          <View key={role} className={`role-row role-row--${role}`}>
            <Text className='role-row__name'>
              {label}：{holds ? '正在担任' : '未担任'}
            </Text>
            <Button
              className={holds ? `btn-revoke-${role}` : `btn-grant-${role}`}
              type={holds ? 'default' : 'primary'}
              size='large'
              block
              loading={busyRole === role}
              disabled={Boolean(busyRole)}
              onClick={() => onChange(role, !holds, reason.trim())}
            >
              {holds ? `卸任${label}` : `任命为${label}`}
            </Button>
          </View>
        );
      })}
    </View>
  );
}
