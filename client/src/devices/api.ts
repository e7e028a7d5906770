import {
  apiPath,
  deviceLinkSchema,
  deviceSignInRequestSchema,
  meSchema,
  type DeviceLink,
  type DeviceSignInRequest,
  type Me,
} from '@draftroom/shared';
import { requestJson } from '../api/client.ts';

/** A link and a code, valid for minutes and once, that sign another device in as this person. */
export function addDevice(signal?: AbortSignal): Promise<DeviceLink> {
  return requestJson(apiPath('addDevice'), deviceLinkSchema, { method: 'POST', signal });
}

/** Signs this browser in with another device's link (token) or code. */
export function signInWithDevice(request: DeviceSignInRequest, signal?: AbortSignal): Promise<Me> {
  const body = deviceSignInRequestSchema.parse(request);
  return requestJson(apiPath('deviceSignIn'), meSchema, { method: 'POST', body, signal });
}
