-- Hand-written: tenant admins change their own tenant's settings through the runtime role
-- (the tenant_self policy limits it to the tenant bound to the transaction).
GRANT UPDATE (settings) ON tenant TO canopy_app;
