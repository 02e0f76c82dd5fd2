import { describe, expect, it } from 'vitest';
import { SpanState } from '../../shared/states.ts';
import { groupColour, lighter, reasonColour, reasonColours, spanColour, STATE_COLOURS, textColourOn } from '../../web/render/palette.ts';

const HEX = /^#[0-9a-f]{6}$/;

describe('colour assignment', () => {
  it('the ten busiest groups get ten different colours; every group a stable hex colour', () => {
    const first = Array.from({ length: 10 }, (_, i) => groupColour(i));
    expect(new Set(first).size).toBe(10);
    for (let i = 0; i < 500; i++) {
      expect(groupColour(i)).toMatch(HEX);
      expect(groupColour(i)).toBe(groupColour(i));
    }
    expect(groupColour(-1)).toMatch(HEX);
  });

  it('neighbouring groups past the first ten still differ', () => {
    for (let i = 10; i < 100; i++) expect(groupColour(i)).not.toBe(groupColour(i + 1));
  });

  it('waits are coloured by reason family', () => {
    expect(reasonColour('chan receive')).toBe(reasonColour('chan send'));
    expect(reasonColour('network')).not.toBe(reasonColour('chan receive'));
    expect(reasonColour('sync.(*Cond).Wait')).toBe(reasonColour('sync'));
    expect(reasonColour('select')).not.toBe(reasonColour('sync'));
    expect(reasonColours(['', 'sleep'])).toHaveLength(2);
  });

  it('proc spans take the group colour, goroutine waits the reason colour, others the state colour', () => {
    expect(spanColour(SpanState.Executing, null, 3)).toBe(groupColour(3));
    expect(spanColour(SpanState.Waiting, '#123456', -1)).toBe('#123456');
    expect(spanColour(SpanState.Running, '#123456', -1)).toBe(STATE_COLOURS[SpanState.Running]);
    expect(spanColour(SpanState.STW, null, -1)).toBe(STATE_COLOURS[SpanState.STW]);
    for (const c of Object.values(STATE_COLOURS)) expect(c).toMatch(HEX);
  });

  it('text is dark on light colours and white on dark ones; lighter is lighter', () => {
    expect(textColourOn('#ffffff')).toBe('#1b1f24');
    expect(textColourOn('#1b1f24')).toBe('#ffffff');
    expect(lighter('#4e79a7')).toMatch(HEX);
    expect(lighter('#4e79a7')).not.toBe('#4e79a7');
  });
});
