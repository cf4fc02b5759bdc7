import { mount } from '../ui/mount';
import { App } from './App';

void mount(App);
