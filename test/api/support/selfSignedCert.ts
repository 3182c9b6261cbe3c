// A self-signed certificate for 127.0.0.1 (valid until 2126), made for these tests only with:
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 -subj /CN=localhost \
//     -addext subjectAltName=IP:127.0.0.1,DNS:localhost
// It proves the client verifies TLS: no system store trusts it. The key protects nothing.

export const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUOH/A0ZydC23XT6k+l1zGBG/PDEMwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNTAwMzIzNloYDzIxMjYxMTAx
MDAzMjM2WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASeCeuANo3uhWzRSTa1k4l4t0XiPlOZskMjWf410jSoyV6PPDhCVmam
/lIdNzGiMYBDeyOQteUGWlj7gBFCFMJYo28wbTAdBgNVHQ4EFgQUYWHZ291d58b/
lsm61rrebT0DkaIwHwYDVR0jBBgwFoAUYWHZ291d58b/lsm61rrebT0DkaIwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDSAAwRQIhAPYgUdStJsyo+qlMkpwYoJJoHKIcVyJ31fkwtzdAQbyTAiBQ
+2lDpWv6kqFoDvFpui5Kjuu6kYeQuh9lPnlkCHJdPw==
-----END CERTIFICATE-----
`;

export const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgONwOTJtVsSdlzR1u
M4B++nBBzXXieBVR/fgbYQc5+Y+hRANCAASeCeuANo3uhWzRSTa1k4l4t0XiPlOZ
skMjWf410jSoyV6PPDhCVmam/lIdNzGiMYBDeyOQteUGWlj7gBFCFMJY
-----END PRIVATE KEY-----
`;
