import { render } from "preact";
import "./console.css";
import { App } from "./ui/app.tsx";

const root = document.getElementById("app");
if (root) render(<App />, root);
