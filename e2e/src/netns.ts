// Test hosts made of network namespaces (`ip netns`, as root): each test creates its own, with
// private addresses that exist only inside them, and deletes them afterwards. A "LAN" is a
// bridge in a switch namespace with one veth per host; traffic between hosts crosses it, so a
// bandwidth cap (`tc tbf`) on the switch side of a host's link limits what that host receives.
// (`netem` is not in these machines' kernels: delay and loss cannot be emulated, only rate.)
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let counter = 0;

/** Run a command to completion; throws with its output when it fails. */
export function sh(cmd: string, args: readonly string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Why namespaces cannot be made here, or null when they can (root with iproute2). */
export function netnsUnavailableReason(): string | null {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'test hosts need root (ip netns add); CI runs as root';
  const probe = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `ip netns does not work here: ${probe.stderr}`;
}

/** One test host: a network namespace with loopback up. */
export class NetNs {
  private constructor(readonly name: string) {}

  /** Create a namespace named lw-<label>-<pid>-<n> with loopback up. */
  static create(label: string): NetNs {
    const reason = netnsUnavailableReason();
    if (reason) throw new Error(reason);
    const ns = new NetNs(`lw-${label}-${process.pid}-${++counter}`.slice(0, 40));
    sh('ip', ['netns', 'add', ns.name]);
    ns.run('ip', ['link', 'set', 'lo', 'up']);
    return ns;
  }

  /** Run a command inside, to completion. */
  run(cmd: string, args: readonly string[]): string {
    return sh('ip', ['netns', 'exec', this.name, cmd, ...args]);
  }

  /** Start a command inside (its environment is passed through `ip netns exec`). */
  spawn(cmd: string, args: readonly string[], opts: SpawnOptions = {}): ChildProcess {
    return spawn('ip', ['netns', 'exec', this.name, cmd, ...args], opts);
  }

  /** An executable file that runs `binary` inside this namespace (for Playwright's executablePath). */
  wrapper(binary: string): string {
    const file = join(mkdtempSync(join(tmpdir(), 'lw-netns-')), `${this.name}-${binary.split('/').pop()}`);
    writeFileSync(file, `#!/bin/sh\nexec ip netns exec ${this.name} ${binary} "$@"\n`);
    chmodSync(file, 0o755);
    return file;
  }

  /**
   * A LAN-like interface with `cidr` (e.g. 10.99.0.1/24): a veth pair with both ends inside, so
   * the machine has an ordinary address besides loopback that reaches nothing outside.
   */
  async addLanInterface(cidr: string, device = 'lan0'): Promise<void> {
    this.run('ip', ['link', 'add', device, 'type', 'veth', 'peer', 'name', `${device}p`]);
    this.run('ip', ['addr', 'add', cidr, 'dev', device]);
    this.run('ip', ['link', 'set', `${device}p`, 'up']);
    this.run('ip', ['link', 'set', device, 'up']);
    await this.settled(device);
  }

  /**
   * Wait until `device` is as a laptop's interface is when someone opens a browser: carrier up
   * and no address still "tentative" (IPv6 duplicate address detection, ~1-2 s after link-up).
   * A browser started while the link is still settling may see a different set of networks.
   */
  async settled(device: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const link = this.run('ip', ['-o', 'link', 'show', 'dev', device]);
      const tentative = this.run('ip', ['-o', 'addr', 'show', 'dev', device, 'tentative']).trim();
      if (/\bLOWER_UP\b/.test(link) && /state UP/.test(link) && tentative === '') return;
      if (Date.now() > deadline) throw new Error(`${device} in ${this.name} did not settle: ${link} ${tentative}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Process ids still running inside. */
  pids(): number[] {
    return sh('ip', ['netns', 'pids', this.name]).split(/\s+/).filter(Boolean).map(Number);
  }

  /** Kill whatever still runs inside, then delete the namespace (its links go with it). */
  delete(): void {
    for (const pid of this.pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    spawnSync('ip', ['netns', 'del', this.name]);
  }
}

/** A host on a LAN: its namespace, address, and the switch-side end of its link. */
export interface LanHost {
  readonly ns: NetNs;
  readonly address: string;
  /** The switch-side interface: its egress is what the host receives. */
  readonly switchPort: string;
}

/** Hosts joined by a bridge in a switch namespace; `delete()` removes all of them. */
export class Lan {
  readonly hosts = new Map<string, LanHost>();
  private constructor(readonly switchNs: NetNs, private readonly prefix: string) {}

  /** A LAN on `prefix`.0/24 (e.g. "10.77.0"), empty until hosts are added; `label` names the switch namespace. */
  static create(prefix: string, label = 'sw'): Lan {
    const sw = NetNs.create(label);
    sw.run('ip', ['link', 'add', 'br0', 'type', 'bridge']);
    sw.run('ip', ['link', 'set', 'br0', 'up']);
    return new Lan(sw, prefix);
  }

  /** Add a host at `prefix`.`octet`; its interface inside is eth0. */
  addHost(label: string, octet: number): LanHost {
    const ns = NetNs.create(label);
    const port = `p${octet}`;
    this.switchNs.run('ip', ['link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns.name]);
    this.switchNs.run('ip', ['link', 'set', port, 'master', 'br0']);
    this.switchNs.run('ip', ['link', 'set', port, 'up']);
    const address = `${this.prefix}.${octet}`;
    ns.run('ip', ['addr', 'add', `${address}/24`, 'dev', 'eth0']);
    ns.run('ip', ['link', 'set', 'eth0', 'up']);
    const host = { ns, address, switchPort: port };
    this.hosts.set(label, host);
    return host;
  }

  /** One more address of `host` at `prefix`.`octet` on its LAN interface (a second name of the same machine). */
  addAddress(host: LanHost, octet: number): string {
    const address = `${this.prefix}.${octet}`;
    host.ns.run('ip', ['addr', 'add', `${address}/24`, 'dev', 'eth0']);
    return address;
  }

  /**
   * Link the namespace this process runs in to the LAN at `prefix`.`octet` (interface `device`,
   * at most 15 characters), so the test itself can reach the hosts. The link goes when the
   * switch namespace is deleted.
   */
  joinHere(octet: number, device: string): string {
    const address = `${this.prefix}.${octet}`;
    const port = `p${octet}`;
    sh('ip', ['link', 'add', device, 'type', 'veth', 'peer', 'name', port, 'netns', this.switchNs.name]);
    this.switchNs.run('ip', ['link', 'set', port, 'master', 'br0']);
    this.switchNs.run('ip', ['link', 'set', port, 'up']);
    sh('ip', ['addr', 'add', `${address}/24`, 'dev', device]);
    sh('ip', ['link', 'set', device, 'up']);
    return address;
  }

  /** Cap what `host` receives to `rate` (tc tbf syntax, e.g. "1500kbit"). */
  capDownload(host: LanHost, rate: string, burst = '32kbit', latency = '400ms'): void {
    this.switchNs.run('tc', ['qdisc', 'add', 'dev', host.switchPort, 'root', 'tbf', 'rate', rate, 'burst', burst, 'latency', latency]);
  }

  /** Drop every UDP packet `host` sends (nftables inside the host). */
  blockOutgoingUdp(host: LanHost): void {
    host.ns.run('nft', ['add', 'table', 'inet', 'lwtest']);
    host.ns.run('nft', ['add', 'chain', 'inet', 'lwtest', 'out', '{ type filter hook output priority 0 ; policy accept ; }']);
    host.ns.run('nft', ['add', 'rule', 'inet', 'lwtest', 'out', 'meta', 'l4proto', 'udp', 'drop']);
  }

  /** Let `host` open TCP connections to `ports` only, and send no UDP at all (a network that lets only HTTPS out). */
  allowOnlyOutgoingTcp(host: LanHost, ports: readonly number[]): void {
    host.ns.run('nft', ['add', 'table', 'inet', 'lwtest']);
    host.ns.run('nft', ['add', 'chain', 'inet', 'lwtest', 'out', '{ type filter hook output priority 0 ; policy drop ; }']);
    host.ns.run('nft', ['add', 'rule', 'inet', 'lwtest', 'out', 'oif', 'lo', 'accept']);
    host.ns.run('nft', ['add', 'rule', 'inet', 'lwtest', 'out', 'tcp', 'dport', `{ ${ports.join(', ')} }`, 'accept']);
  }

  /** Send TCP arriving at `host`'s `address`:`port` to `toPort` (like a port forward on a real host). */
  forwardTcpPort(host: LanHost, address: string, port: number, toPort: number): void {
    host.ns.run('nft', ['add', 'table', 'ip', 'lwnat']);
    host.ns.run('nft', ['add', 'chain', 'ip', 'lwnat', 'pre', '{ type nat hook prerouting priority -100 ; }']);
    host.ns.run('nft', ['add', 'rule', 'ip', 'lwnat', 'pre', 'ip', 'daddr', address, 'tcp', 'dport', String(port), 'dnat', 'to', `${address}:${toPort}`]);
  }

  /** Delete every host and the switch (with the links to them). */
  delete(): void {
    for (const host of this.hosts.values()) host.ns.delete();
    this.switchNs.delete();
  }
}
