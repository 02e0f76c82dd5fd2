/** Every shortcut of the timeline, as shown by the `?` overlay (one source for the overlay and the docs). */
export interface Shortcut {
  keys: string[];
  action: string;
}

export const SHORTCUTS: { section: string; items: Shortcut[] }[] = [
  {
    section: 'Navigate',
    items: [
      { keys: ['W', 'S'], action: 'Zoom in / out (at the pointer when it is over the lanes)' },
      { keys: ['A', 'D'], action: 'Pan left / right' },
      { keys: ['Shift'], action: 'With W A S D: bigger steps' },
      { keys: ['Wheel'], action: 'Zoom at the pointer (trackpad pinch too)' },
      { keys: ['Shift+Wheel'], action: 'Scroll the lanes up and down' },
      { keys: ['Sideways swipe'], action: 'Pan' },
      { keys: ['Drag'], action: 'Pan (in select mode: select a time range)' },
      { keys: ['↑', '↓'], action: 'Scroll the lanes; PageUp / PageDown by a screen' },
      { keys: ['0', 'Z'], action: 'Show the whole trace' },
    ],
  },
  {
    section: 'Select',
    items: [
      { keys: ['Click'], action: 'Select a span, user region, CPU sample or log message: its details open on the right' },
      { keys: ['Double-click'], action: 'Zoom to the span or region' },
      { keys: ['Shift+Drag'], action: 'Select a time range (also: drag on the time axis)' },
      { keys: ['F'], action: 'Zoom to the selected range or span' },
      { keys: ['1', '2'], action: 'Drag mode: pan / select' },
      { keys: ['Esc'], action: 'Clear the selection, close this help or the search' },
    ],
  },
  {
    section: 'Search',
    items: [
      { keys: ['/'], action: 'Search goroutines (G123), groups, tasks (T7), regions, logs' },
      { keys: ['Enter'], action: 'In the search box: show the next result (Shift: the previous)' },
      { keys: ['↓', '↑'], action: 'In the search box: move through the results' },
      { keys: ['Esc'], action: 'Close the search' },
    ],
  },
  {
    section: 'View',
    items: [
      { keys: ['T'], action: 'Switch between one lane per proc (P) and one per thread (M)' },
      { keys: ['E'], action: 'Expand or collapse all goroutine groups' },
      { keys: ['L'], action: 'Flow arrows on / off: goroutine creation, unblocks, exits from blocked syscalls, parent → child tasks' },
      { keys: ['?'], action: 'Show or hide this help' },
    ],
  },
];
