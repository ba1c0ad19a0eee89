// Entry: registers the components and mounts the app shell.
import './app-shell.ts';
