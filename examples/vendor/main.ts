/**
 * Runs the example vendor against a Xingang instance:
 *
 *   XINGANG_URL=http://127.0.0.1:3000 XG_VENDOR_KEY=xg_vendor_… XG_WEBHOOK_SECRET=whsec_… PORT=4010 \
 *     node dist/examples/vendor/main.js
 *
 * Register http://127.0.0.1:4010/webhooks as the vendor's webhook endpoint (development allows loopback addresses).
 * Each new referral is accepted through the vendor API, and its first session reported, as a vendor's intake would.
 */
import { ExampleVendor } from './example-vendor.js';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
};

const vendor: ExampleVendor = new ExampleVendor({
  xingangUrl: process.env.XINGANG_URL ?? 'http://127.0.0.1:3000',
  apiKey: required('XG_VENDOR_KEY'),
  webhookSecrets: required('XG_WEBHOOK_SECRET').split(','),
  onEvent: async (event) => {
    console.log(`${event.type} ${JSON.stringify(event.data)}`);
    if (event.type !== 'referral.created' || process.env.AUTO_ACCEPT === '0') return;
    const referralId = String(event.data.referralId);
    // Answer the webhook first; the intake happens afterwards, as in a real system.
    setTimeout(() => {
      void (async () => {
        console.log('accepted:', (await vendor.report(referralId, { type: 'accepted', note: '已安排咨询师 / counsellor assigned' })).status);
        console.log('session 1:', (await vendor.report(referralId, { type: 'session_attended', sessionNumber: 1 })).status);
      })();
    }, 100);
  },
});

const url = await vendor.start(Number(process.env.PORT ?? 4010));
console.log(`example vendor receiving webhooks at ${url}`);
