import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { createHttpApi } from './data/api-client.ts';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App api={createHttpApi('')} />);
