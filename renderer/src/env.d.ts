/** Side-effect CSS imports (Vite emits them as stylesheet files). */
declare module '*.css';
