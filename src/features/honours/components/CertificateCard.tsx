import { Text, View } from '@tarojs/components';
import type { CertificateView } from '@shared/domain/honours';
import { certificateText } from '../certificate-drawing';
import { CertificateDetails } from './CertificateDetails';
import { CertificateImage } from './CertificateImage';

/** A certificate in words (readable by screen readers and in large type) and as the image to keep. */
export function CertificateCard({ cert }: { cert: CertificateView }) {
  const t = certificateText(cert);
  return (
    <View className='card certificate-card' data-code={cert.code}>
      <View className='card__title'>{t.title}</View>
      <Text className='certificate-card__body'>{t.body}</Text>
      <CertificateDetails cert={cert} />
      <Text className='certificate-card__line'>{t.issuer}</Text>
      <Text className='certificate-card__line'>{t.issuedOn}</Text>
      <Text className='certificate-card__code'>{t.code}</Text>
      <CertificateImage cert={cert} />
    </View>
  );
}
