import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import type { ReportPlace } from '@shared/domain/report';
import { placeText } from '../format';

export interface PlaceFieldProps {
  value: ReportPlace;
  onChange: (next: ReportPlace) => void;
  /** The caller's own building, offered first (null when they have none). */
  home: { building: string; room: string } | null;
  buildings: readonly string[];
  spots: readonly string[];
}

type Kind = 'home' | 'building' | 'spot';

/** A map point can be chosen only where the platform offers it (weapp); H5 leaves it out. */
const MAP_AVAILABLE = process.env.TARO_ENV === 'weapp';

/**
 * Where the problem is: the caller's own building by default, or another building, or a public spot of the 居民区,
 * each picked from a list (never typed); the unit or room and a map point are optional.
 */
export function PlaceField({ value, onChange, home, buildings, spots }: PlaceFieldProps) {
  // Until the resident picks a kind, it follows the value (the default place arrives with the settings).
  const [chosen, setKind] = useState<Kind | null>(null);
  const kind: Kind = chosen ?? (value.spot ? 'spot' : home && (!value.building || value.building === home.building) ? 'home' : 'building');
  const kinds = [
    ...(home ? [{ value: 'home', label: `我家（${home.building}）` }] : []),
    { value: 'building', label: '其他楼栋' },
    ...(spots.length ? [{ value: 'spot', label: '公共区域' }] : []),
  ];
  const choose = (next: Kind) => {
    setKind(next);
    if (next === 'home' && home) onChange({ ...value, building: home.building, unit: home.room, spot: '' });
    // Another building or a spot is picked from its list next.
    else onChange({ ...value, building: '', unit: '', spot: '' });
  };
  const pickMap = async () => {
    try {
      const at = await Taro.chooseLocation({});
      onChange({ ...value, point: { latitude: at.latitude, longitude: at.longitude } });
    } catch {
      // Closing the map is the resident's choice; the point stays as it was.
    }
  };

  return (
    <View className='report-place'>
      <ChoiceChips id='report-place-kind' single options={kinds} value={[kind]} onChange={(v) => choose(v[0] as Kind)} />
      {kind === 'building' ? (
        <Picker id='report-building' mode='selector' range={buildings as string[]} value={Math.max(0, buildings.indexOf(value.building))} onChange={(e) => onChange({ ...value, building: buildings[Number(e.detail.value)] ?? '', spot: '' })}>
          <View className={`report-place__pick${value.building ? '' : ' report-place__pick--empty'}`}>
            <Text>{value.building || '点这里选楼栋'}</Text>
          </View>
        </Picker>
      ) : null}
      {kind === 'spot' ? (
        <Picker id='report-spot' mode='selector' range={spots as string[]} value={Math.max(0, spots.indexOf(value.spot))} onChange={(e) => onChange({ ...value, spot: spots[Number(e.detail.value)] ?? '', building: '', unit: '' })}>
          <View className={`report-place__pick${value.spot ? '' : ' report-place__pick--empty'}`}>
            <Text>{value.spot || '点这里选公共区域'}</Text>
          </View>
        </Picker>
      ) : null}
      {kind !== 'spot' ? (
        <Input id='report-unit' className='report-input' value={value.unit} maxlength={20} placeholder='几单元、几室（选填）' onInput={(e) => onChange({ ...value, unit: e.detail.value })} />
      ) : null}
      {MAP_AVAILABLE ? (
        <Button className='btn-report-map' type='default' size='large' block onClick={() => void pickMap()}>
          {value.point ? '已在地图上标出，点此重新选' : '在地图上标出位置（选填）'}
        </Button>
      ) : null}
      {placeText(value) ? <Text className='report-place__text'>地点：{placeText(value)}</Text> : null}
    </View>
  );
}
