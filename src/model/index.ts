export * from './config';
export * from './params';
export * from './unet';
