import type { VendorDto } from './vendor.dto.js';
import type { EapVendor } from './vendor.entity.js';

export const toVendorDto = (v: EapVendor): VendorDto => ({
  id: v.id,
  name: v.name,
  services: v.services,
  regions: v.regions,
  contactName: v.contactName,
  contactEmail: v.contactEmail,
  contactPhone: v.contactPhone,
  active: v.active,
  inboundSigningConfigured: (v.inboundSecrets ?? []).length > 0,
  createdAt: v.createdAt.toISOString(),
});
