import { render } from 'preact';
import { App } from './App';
import '../ui/base.css';

render(<App />, document.getElementById('app')!);
