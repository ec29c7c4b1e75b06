import { fmt } from './measure.js';
import type { LoopbackResult } from './loopback-run.js';

/**
 * Two stacks compared on one core each, run at the same time (`--lb-pair A,B`): A pinned to core 0
 * and B to core 1, then the other way round, `rounds` times. On a virtual machine whose speed
 * drifts by a third within a minute, runs one after the other differ more than the stacks do; two
 * runs at once see the same drift, so the ratio of each pair is steady to a few percent. Each
 * process has a core to itself (the feeds are served from the parent, on no pinned core).
 */
export async function pairedCase(
  [first, second]: string[],
  rounds: number,
  measure: (stack: string, cores: string) => Promise<LoopbackResult[]>,
): Promise<void> {
  const ratios = new Map<number, number[]>();
  const cpuRatios = new Map<number, number[]>();
  console.log(`  ${first} and ${second} at once, one core each, cores swapped every other run; ratio = ${second} ÷ ${first}`);
  for (let round = 1; round <= rounds; round++) {
    for (const [a, b] of [['0', '1'], ['1', '0']] as const) {
      const [passesA, passesB] = await Promise.all([measure(first!, a), measure(second!, b)]);
      const rate = (r: LoopbackResult): number => r.mentions / r.seconds;
      const perCpu = (r: LoopbackResult): number => r.mentions / r.cpuSeconds;
      passesA.forEach((resultA, i) => {
        const resultB = passesB[i]!;
        const ratio = rate(resultB) / rate(resultA);
        const cpuRatio = perCpu(resultB) / perCpu(resultA);
        ratios.set(resultA.pass, [...(ratios.get(resultA.pass) ?? []), ratio]);
        cpuRatios.set(resultA.pass, [...(cpuRatios.get(resultA.pass) ?? []), cpuRatio]);
        console.log(
          `  round ${round}, pass ${resultA.pass}: ${first} on cpu ${a} ${fmt(rate(resultA)).padStart(6)}/s (${fmt(perCpu(resultA))} per CPU-second), ` +
            `${second} on cpu ${b} ${fmt(rate(resultB)).padStart(6)}/s (${fmt(perCpu(resultB))} per CPU-second): ratio ${ratio.toFixed(3)} wall, ${cpuRatio.toFixed(3)} per CPU-second`,
        );
      });
    }
  }
  const median = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const range = (values: number[]): string => `${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}`;
  for (const [pass, wall] of ratios) {
    const cpu = cpuRatios.get(pass)!;
    console.log(`  ${second} ÷ ${first}, pass ${pass}: median ${median(wall).toFixed(3)} wall (${range(wall)}), ${median(cpu).toFixed(3)} per CPU-second (${range(cpu)})`);
  }
}
