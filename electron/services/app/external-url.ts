// The one gate for opening links outside the app: only well-formed https URLs to the exact hosts
// the app links to (Alibaba Cloud's consoles and documentation) pass; anything else a page could
// ask for is refused, so a compromised page cannot send the user to a look-alike.

import { AppError } from '../../../shared/errors';

/** Exact host names; no wildcard (aliyun.com hosts user content too). */
export const EXTERNAL_HOSTS: readonly string[] = [
  'ram.console.aliyun.com',
  'ice.console.aliyun.com',
  'help.aliyun.com',
  'www.alibabacloud.com',
  'ram.console.alibabacloud.com',
];

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
  if (!EXTERNAL_HOSTS.includes(url.hostname) || url.port !== '') {
    throw new AppError('UNSAFE_URL', `Links to ${url.host} are not opened by the app.`);
  }
  return url.toString();
}
