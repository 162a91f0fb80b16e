// Preloaded into `next start` (node --require) by ./server.ts. A bench that is killed by a signal
// does not take its children with it, and an orphaned app would keep its port and connections:
// the app exits as soon as its parent is gone (it is then re-parented, so process.ppid changes).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();
