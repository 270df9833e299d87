// First, so that no library reads the address before its bad escapes are repaired.
import './url-guard';
// Second: the page's language, from its URL, before any module reads a message.
import './locale-start';
import '@fontsource-variable/source-serif-4';
import '@fontsource-variable/inter';
import 'katex/dist/katex.min.css';
import './styles.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
