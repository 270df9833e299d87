import '@fontsource-variable/source-serif-4';
import '@fontsource-variable/inter';
import 'katex/dist/katex.min.css';
import './styles.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
