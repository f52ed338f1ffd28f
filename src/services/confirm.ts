import Taro from '@tarojs/taro';

export interface ConfirmOptions {
  /** What is about to happen, short: "取消预约". */
  title: string;
  /** What it means for the person, in words they read: who is told, what cannot be undone. */
  content: string;
  /** The button that goes ahead: the action's own name ("取消预约"), never a bare "确定". */
  confirmText: string;
}

/**
 * Asks before anything that cannot be undone: the platform's modal in weapp and H5 alike, with "再想想" to step
 * back. Answers true only when the person chose to go ahead.
 */
export async function confirmFirst({ title, content, confirmText }: ConfirmOptions): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' });
  return confirm;
}
