// The one gate for opening links outside the app: only well-formed https URLs pass.

import { AppError } from '../../../shared/errors';

export function checkExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('UNSAFE_URL', 'That link is not a valid web address.');
  }
  if (url.protocol !== 'https:') {
    throw new AppError('UNSAFE_URL', 'Only https links can be opened.');
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppError('UNSAFE_URL', 'Links with embedded credentials are not opened.');
  }
  return url.toString();
}
