import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { loadChartLibrary } from './chart-library.js';

/**
 * One Chart.js chart on a canvas, redrawn when its configuration changes. `onPick` gets the index
 * of the category clicked (anywhere in its column or row, not only on the bar). The canvas is
 * described by `label`; the caller puts the same data in a table for keyboard and screen readers.
 */
export function ChartCanvas(props: { config: ChartConfiguration<'bar'>; label: string; onPick?(index: number): void; onDrawn(): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const pick = useRef(props.onPick);
  pick.current = props.onPick;

  useEffect(() => {
    let current = true;
    void loadChartLibrary().then(({ Chart: ChartClass }) => {
      if (current && canvas.current) draw(ChartClass, canvas.current);
    });
    return () => {
      current = false;
    };
  }, [props.config]);

  const draw = (ChartClass: typeof Chart, target: HTMLCanvasElement) => {
    const horizontal = props.config.options?.indexAxis === 'y';
    const config: ChartConfiguration<'bar'> = {
      ...props.config,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false, axis: horizontal ? 'y' : 'x' },
        ...props.config.options,
        onClick: (event, _elements, instance) => {
          const native = event.native;
          if (!native) return;
          const hits = instance.getElementsAtEventForMode(native, 'index', { intersect: false, axis: horizontal ? 'y' : 'x' }, true);
          if (hits[0]) pick.current?.(hits[0].index);
        },
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (target instanceof HTMLElement) target.style.cursor = pick.current && elements.length > 0 ? 'pointer' : 'default';
        },
      },
    };
    if (chart.current) {
      chart.current.data = config.data;
      chart.current.options = config.options ?? {};
      chart.current.update();
    } else {
      chart.current = new ChartClass(target, config);
    }
    props.onDrawn();
  };

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <div class="chart-frame">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
