"""Running the site: ``make serve``'s supervisor (``deploy.serve``) and the VCL of its front cache."""
