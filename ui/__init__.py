"""The Qt window of Catalog: adapts the catalog package to models, views and dialogs."""
