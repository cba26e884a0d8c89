import type { Cents } from "./money.ts";

export type Locale = "es" | "en";
export type Text = Record<Locale, string>;

/** How a product is drawn (see art.ts): a shape and its two colours. */
export interface Art {
  shape: "mug" | "bag" | "candle" | "notebook" | "plant" | "teapot" | "scarf" | "bottle";
  colour: string;
  detail: string;
}

export interface Product {
  slug: string;
  name: Text;
  description: Text;
  price: Cents;
  category: Text;
  art: Art;
}

/** The demo shop's catalogue: small, believable, drawn in SVG so that the page makes no external requests. */
export const products: readonly Product[] = [
  {
    slug: "taza-terracota",
    name: { es: "Taza de gres terracota", en: "Terracotta stoneware mug" },
    description: {
      es: "Torneada a mano en un taller de Manises. 350 ml, apta para lavavajillas.",
      en: "Hand-thrown in a workshop in Manises. 350 ml, dishwasher safe.",
    },
    price: 1890,
    category: { es: "Cocina", en: "Kitchen" },
    art: { shape: "mug", colour: "#c8643b", detail: "#f3d9c4" },
  },
  {
    slug: "cafe-huila",
    name: { es: "Café de especialidad Huila, 250 g", en: "Huila specialty coffee, 250 g" },
    description: {
      es: "Tueste medio, notas de panela y naranja. Molido al momento si lo pides.",
      en: "Medium roast with notes of panela and orange. Ground to order on request.",
    },
    price: 1250,
    category: { es: "Despensa", en: "Pantry" },
    art: { shape: "bag", colour: "#3f5e4b", detail: "#e8c872" },
  },
  {
    slug: "vela-higuera",
    name: { es: "Vela aromática Higuera", en: "Fig tree scented candle" },
    description: {
      es: "Cera de soja y mecha de algodón; unas 45 horas de hoja de higuera.",
      en: "Soy wax and a cotton wick; about 45 hours of fig leaf.",
    },
    price: 2400,
    category: { es: "Hogar", en: "Home" },
    art: { shape: "candle", colour: "#e9dfcf", detail: "#7a8f4e" },
  },
  {
    slug: "cuaderno-lino",
    name: { es: "Cuaderno de lino A5", en: "Linen notebook A5" },
    description: {
      es: "Tapa de lino, 160 páginas de papel de 100 g, cosido a mano.",
      en: "Linen cover, 160 pages of 100 gsm paper, hand-sewn.",
    },
    price: 1590,
    category: { es: "Papelería", en: "Stationery" },
    art: { shape: "notebook", colour: "#5b7fa3", detail: "#f1ece2" },
  },
  {
    slug: "olivo-maceta",
    name: { es: "Olivo en maceta de barro", en: "Olive tree in a clay pot" },
    description: {
      es: "Un olivo joven de 40 cm en maceta de barro cocido. Pide poco: sol y poca agua.",
      en: "A young 40 cm olive tree in a fired clay pot. It asks for little: sun and not much water.",
    },
    price: 3450,
    category: { es: "Jardín", en: "Garden" },
    art: { shape: "plant", colour: "#b4623f", detail: "#6f8f3a" },
  },
  {
    slug: "tetera-hierro",
    name: { es: "Tetera de hierro fundido", en: "Cast-iron teapot" },
    description: {
      es: "0,8 l con filtro de acero. Mantiene el té caliente durante la sobremesa.",
      en: "0.8 l with a steel infuser. Keeps the tea warm through a long lunch.",
    },
    price: 4900,
    category: { es: "Cocina", en: "Kitchen" },
    art: { shape: "teapot", colour: "#2f3a40", detail: "#c9a24a" },
  },
  {
    slug: "panuelo-seda",
    name: { es: "Pañuelo de seda estampado", en: "Printed silk scarf" },
    description: {
      es: "Seda 100 %, 90 × 90 cm, estampado de azulejos en tonos añil.",
      en: "100% silk, 90 × 90 cm, printed with indigo tiles.",
    },
    price: 5900,
    category: { es: "Accesorios", en: "Accessories" },
    art: { shape: "scarf", colour: "#2c4f8a", detail: "#f4c542" },
  },
  {
    slug: "aceite-arbequina",
    name: { es: "Aceite de oliva virgen extra arbequina, 500 ml", en: "Arbequina extra virgin olive oil, 500 ml" },
    description: {
      es: "Cosecha temprana de Les Garrigues. Afrutado, con un final de almendra verde.",
      en: "Early harvest from Les Garrigues. Fruity, with a green almond finish.",
    },
    price: 1475,
    category: { es: "Despensa", en: "Pantry" },
    art: { shape: "bottle", colour: "#6b7d2a", detail: "#f0e3a0" },
  },
];

export const productBySlug = (slug: string) => products.find((product) => product.slug === slug);
