import { Text, View } from '@tarojs/components';
import type { CertificateView } from '@shared/domain/honours';
import { certificateLineText, certificateText } from '../certificate-drawing';

/**
 * What makes up a certificate's total, in words: the split by kind and every record by the day of service, with what
 * the committee entered by hand or corrected marked. Nothing for a certificate issued before records were listed.
 */
export function CertificateDetails({ cert }: { cert: CertificateView }) {
  if (!cert.lines?.length) return null;
  const t = certificateText(cert);
  return (
    <View className='certificate-details'>
      {t.parts ? <Text className='certificate-card__line certificate-parts'>{t.parts}</Text> : null}
      <Text className='certificate-details__title'>{t.detailTitle}</Text>
      {cert.lines.map((line, i) => (
        <Text key={`${line.day}-${i}`} className={`certificate-line certificate-line--${line.kind}`} data-kind={line.kind}>
          {certificateLineText(line)}
        </Text>
      ))}
      {t.notes.map((note) => (
        <Text key={note} className='certificate-details__note'>
          {note}
        </Text>
      ))}
    </View>
  );
}
