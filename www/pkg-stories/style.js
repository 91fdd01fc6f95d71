// The folder's style sheet, applied once (views/dom.js useStyles).
import { useStyles } from '../views/dom.js';

export const useStories = () => useStyles(new URL('./stories.css', import.meta.url));
