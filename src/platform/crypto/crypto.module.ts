import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { FieldCipher, installFieldCipher } from './field-cipher.js';
import { installLookupKey } from './lookup-hash.js';

@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const retired = (config.get('DATA_KEYS_RETIRED', { infer: true }) ?? '').split(',').filter(Boolean);
        const cipher = new FieldCipher(config.get('DATA_KEY', { infer: true }), retired);
        installFieldCipher(cipher);
        installLookupKey(config.get('LOOKUP_KEY', { infer: true }));
        return cipher;
      },
    },
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
