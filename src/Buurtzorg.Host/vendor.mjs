// Copies the SignalR browser bundle into wwwroot so the client needs no CDN at runtime.
// The copied file is committed; node_modules is not. Run: npm install && npm run vendor
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const files = [
  ["node_modules/@microsoft/signalr/dist/browser/signalr.min.js", "wwwroot/lib/signalr/signalr.min.js"],
];

for (const [from, to] of files) {
  const target = join(here, to);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(join(here, from), target);
  console.log(`vendored ${from} -> ${to}`);
}
