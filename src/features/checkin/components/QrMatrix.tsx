import { View } from '@tarojs/components';
import QRCode from 'qrcode';
import { useMemo } from 'react';
import '../checkin.scss';

/** A QR code drawn from its modules (no canvas needed on either platform), for the in-app scanner to read. */
export function QrMatrix({ text, className }: { text: string; className?: string }) {
  const rows = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    return Array.from({ length: modules.size }, (_r, y) => Array.from({ length: modules.size }, (_c, x) => modules.get(x, y) === 1));
  }, [text]);
  return (
    <View className={['qr-matrix', className].filter(Boolean).join(' ')} aria-label='二维码'>
      {rows.map((row, y) => (
        <View key={y} className='qr-matrix__row'>
          {row.map((dark, x) => (
            <View key={x} className={dark ? 'qr-matrix__dot qr-matrix__dot--dark' : 'qr-matrix__dot'} />
          ))}
        </View>
      ))}
    </View>
  );
}
