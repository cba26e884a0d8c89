/**
 * Spanish texts, one per line in the order of `textKeys` (keys.ts): a key per text would cost bytes twice.
 * `{p}` is an amount of points with its name, `{n}` a number, `{t}` a name, `{m}` money.
 */
export const es = `Inicio
Ganar
Premios
Invita
Historial
Cerrar
Secciones
Tu saldo
Te faltan {p} para tu próximo premio
Te faltan {p}
¡Ya puedes canjear un premio!
{p} para tu próximo premio
Progreso hacia tu próximo premio
Nivel {t}
Te faltan {p} para el nivel {t}
{t}: quedan {n}
{p} por cada {m} gastado
También en nuestras tiendas físicas
Puntos x{n}
Invita a un amigo y gana {p}
Canjear
¿Canjear «{t}» por {p}?
Confirmar
Cancelar
Canjeando…
Tu código
Copiar
Copiado
Válido hasta el {t}
Reintentar
No tienes puntos suficientes para este premio.
Este premio ya no está disponible.
No hay conexión. No se ha perdido nada: inténtalo de nuevo.
Tu sesión ha caducado. Vuelve a iniciar sesión.
Algo ha fallado. Inténtalo de nuevo.
Tu enlace para invitar
Compartir
Email
Te invito a {t}: {n}
Tu amigo recibe {t}
Tú recibes {p} cuando haga su primer pedido
{n} visitas · {t} amigos han comprado · {p}
{m} de descuento
{n} % de descuento
envío gratis
{t} en pedidos desde {m}
Un amigo te regala {t}
Ver más
Aún no hay movimientos.
Compra
Canje
Devolución
Ajuste
Amigo invitado
Puntos caducados
Únete
Inicia sesión
Únete gratis y empieza a sumar puntos en cada compra.
{n} h {t} min
{t} min`;
