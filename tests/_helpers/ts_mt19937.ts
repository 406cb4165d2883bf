/**
 * A plain-TypeScript twin of the kernel's generator (MT19937 + numpy legacy doubles and
 * polar Gaussians), for tests of the kernel and as the TypeScript baseline of the
 * benchmarks. Its Gaussians use V8's Math.log, so they may differ from the kernel's
 * (glibc-exact) ones in the last bit; its doubles are identical.
 */
export class TsMt19937 {
  private readonly key = new Uint32Array(624);
  private pos = 624;
  private hasGauss = false;
  private cached = 0;

  constructor(seed: number) {
    const key = this.key;
    key[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = key[i - 1] ^ (key[i - 1] >>> 30);
      // 1812433253 * prev + i, mod 2^32, without losing bits to doubles
      key[i] = (((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) +
        (prev & 0x0000ffff) * 1812433253 + i) >>> 0;
    }
  }

  nextUint32(): number {
    const key = this.key;
    if (this.pos >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (key[k] & 0x80000000) | (key[(k + 1) % 624] & 0x7fffffff);
        key[k] = key[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.pos = 0;
    }
    let y = key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  gauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.cached;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt(-2 * Math.log(r2) / r2);
    this.cached = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  uniform(low: number, high: number, out: Float64Array): Float64Array {
    const range = high - low;
    for (let i = 0; i < out.length; i++) out[i] = low + range * this.nextDouble();
    return out;
  }

  lognormal(mean: number, sigma: number, out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(mean + sigma * this.gauss());
    return out;
  }
}
