<?php
/**
 * Plugin Name: Premio loyalty widget
 * Description: Draws the loyalty widget on every page and signs the logged-in customer's token. Orders and refunds reach
 *              the endpoint through WooCommerce's own webhooks (see docs/woocommerce.md); nothing else is needed here.
 *
 * Put the settings in wp-config.php, never in the database or the theme:
 *   define('LOYALTY_URL', 'https://loyalty.example.com');   // the endpoint, with its scheme
 *   define('LOYALTY_SHOP', 'SHOP_ID');
 *   define('LOYALTY_SIGNING_SECRET', 'ss_...');
 */

/** base64url without padding, as JWTs use it. */
function loyalty_base64url(string $bytes): string {
    return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
}

/**
 * The customer token (an HS256 JWT with sub, shop, iat, exp) the endpoint accepts: the same bytes as the Node helper
 * signCustomerToken signs for the same claims. No library needed.
 */
function loyalty_customer_token(string $signing_secret, string $shop, string $customer_id, ?int $issued_at = null, int $expires_in = 3600): string {
    $iat = $issued_at ?? time();
    $header = loyalty_base64url(json_encode(['alg' => 'HS256', 'typ' => 'JWT']));
    $claims = ['sub' => $customer_id, 'shop' => $shop, 'iat' => $iat, 'exp' => $iat + $expires_in];
    $payload = loyalty_base64url(json_encode($claims, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
    $signature = loyalty_base64url(hash_hmac('sha256', "$header.$payload", $signing_secret, true));
    return "$header.$payload.$signature";
}

if (function_exists('add_action')) {
    add_action('wp_footer', function () {
        $attributes = sprintf('async src="%s/loyalty.js" data-shop="%s"', esc_url(LOYALTY_URL), esc_attr(LOYALTY_SHOP));
        if (is_user_logged_in()) {
            // the WordPress user id is the customer id WooCommerce's webhooks carry (customer_id)
            $token = loyalty_customer_token(LOYALTY_SIGNING_SECRET, LOYALTY_SHOP, (string) get_current_user_id());
            $attributes .= sprintf(' data-customer-token="%s"', esc_attr($token));
        }
        echo "<script $attributes></script>\n";
    });
}
