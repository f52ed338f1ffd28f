import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CertificateView } from '@shared/domain/honours';
import { CERT_WIDTH, certificateFileName, certificateHeight, drawCertificate, type Pen } from '../certificate-drawing';

const CANVAS_ID = 'certificate-canvas';
const FAILED = '图片没能生成，请稍后再试';

/** H5: draws on an off-screen canvas, shows the PNG and saves it as a download. */
function H5Certificate({ cert }: { cert: CertificateView }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const canvas = document.createElement('canvas');
    canvas.width = CERT_WIDTH;
    canvas.height = certificateHeight(cert);
    const pen = canvas.getContext('2d');
    if (!pen) {
      setError(FAILED);
      return;
    }
    drawCertificate(pen, cert);
    setUrl(canvas.toDataURL('image/png'));
  }, [cert]);

  const save = () => {
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = certificateFileName(cert);
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  return (
    <View className='certificate-image'>
      {url ? <Image className='certificate-image__png' src={url} mode='widthFix' /> : null}
      {error ? <Text className='inline-error'>{error}</Text> : null}
      <Button className='btn-save-certificate' type='primary' size='large' block disabled={!url} onClick={save}>
        保存图片
      </Button>
    </View>
  );
}

/** weapp: draws on a `type="2d"` canvas, then saves it to the photo album. */
function WeappCertificate({ cert }: { cert: CertificateView }) {
  const canvasRef = useRef<Taro.Canvas | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Taro.Canvas }[]) => {
        const canvas = res[0]?.node;
        if (!canvas) return setError(FAILED);
        canvas.width = CERT_WIDTH;
        canvas.height = certificateHeight(cert);
        drawCertificate(canvas.getContext('2d') as unknown as Pen, cert);
        canvasRef.current = canvas;
      });
  }, [cert]);

  const save = async () => {
    if (!canvasRef.current) return;
    try {
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvasRef.current } as Taro.canvasToTempFilePath.Option);
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
      void Taro.showToast({ title: '已保存到相册', icon: 'success', duration: 1500 });
    } catch {
      setError('没能保存到相册，请允许小程序保存图片后再试');
    }
  };

  return (
    <View className='certificate-image'>
      <Canvas type='2d' id={CANVAS_ID} className='certificate-image__canvas' style={{ width: '690rpx', height: `${Math.round((690 * certificateHeight(cert)) / CERT_WIDTH)}rpx` }} />
      {error ? <Text className='inline-error'>{error}</Text> : null}
      <Button className='btn-save-certificate' type='primary' size='large' block onClick={() => void save()}>
        保存到相册
      </Button>
    </View>
  );
}

/** The certificate as an image the member can keep; one drawing for both platforms (certificate-drawing.ts). */
export function CertificateImage({ cert }: { cert: CertificateView }) {
  return process.env.TARO_ENV === 'weapp' ? <WeappCertificate cert={cert} /> : <H5Certificate cert={cert} />;
}
