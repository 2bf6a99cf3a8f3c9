"""The home-screen icons in hosting/public/img, rendered from the logo."""
