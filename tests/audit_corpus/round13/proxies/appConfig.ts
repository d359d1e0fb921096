export const appConfig = {
  AKOOL_GATEWAY_URL: process.env.NEXT_PUBLIC_AKOOL_GATEWAY_URL || '/api/akool',
  appName: 'studio',
};
