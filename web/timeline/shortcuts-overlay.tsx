import { ColourLegend } from './colour-legend.tsx';
import { SHORTCUTS } from './shortcuts.ts';

/** The `?` overlay: every shortcut, grouped. */
export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay-backdrop" onClick={onClose}>
      <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcuts-overlay" onClick={(e) => e.stopPropagation()}>
        <div className="overlay-head">
          <h2>Keyboard and mouse</h2>
          <button onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
        <div className="shortcut-sections">
          {SHORTCUTS.map((section) => (
            <section key={section.section}>
              <h3>{section.section}</h3>
              <table>
                <tbody>
                  {section.items.map((s) => (
                    <tr key={s.action}>
                      <td className="keys">
                        {s.keys.map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </td>
                      <td>{s.action}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        <ColourLegend />
      </div>
    </div>
  );
}
