// The image field on its own page (/library/picker.html): what the builder embeds, for trying it out and for its tests.
import './image-picker.js';
import { languageSelect } from './i18n.js';

document.getElementById('vk-lang-slot').appendChild(languageSelect());
const events = document.getElementById('events');
const picker = document.getElementById('hero');
window.vkEvents = [];
picker.addEventListener('change', (e) => {
  window.vkEvents.push(e.detail);
  events.textContent = JSON.stringify(e.detail);
});
