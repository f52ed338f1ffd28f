import type { WeComAnswer, WeComMessage, WeComRobots } from '../../cloudfunctions/_core/ports/wecom';
import type { WeComSink } from '../dev-server/wecom-sink';

/** The local WeCom: every robot message lands in the dev server's sink (whatever the stored key), as it answers. */
export class LocalWeComRobots implements WeComRobots {
  constructor(private readonly sink: WeComSink) {}

  async send(key: string, message: WeComMessage): Promise<WeComAnswer> {
    return this.sink.receive(key, message);
  }
}
